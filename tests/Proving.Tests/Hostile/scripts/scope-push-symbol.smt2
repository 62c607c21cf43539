; expect: error takes no argument or a numeral up to 1000
(push x)
(declare-const x Int)
(assert (> x 0))
(check-sat)
