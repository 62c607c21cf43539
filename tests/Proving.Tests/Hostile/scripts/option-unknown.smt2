; expect: error is not on the allow-list
(set-option :hms-secret-backdoor true)
(declare-const x Int)
(assert (> x 0))
(check-sat)
