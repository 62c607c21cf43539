; expect: error takes no argument or a numeral up to 1000
(push 100000)
(declare-const x Int)
(assert (> x 0))
(check-sat)
