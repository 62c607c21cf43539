; expect: error not a #x (hexadecimal) or #b (binary) literal
(declare-const x Int)
(assert (= x #x1G))
(check-sat)
