; expect: error backslash is not allowed in a string literal
(set-info :source "a\" ) (echo \"unsat\") (set-info :x ")
(declare-const x Int)
(assert (> x 0))
(check-sat)
