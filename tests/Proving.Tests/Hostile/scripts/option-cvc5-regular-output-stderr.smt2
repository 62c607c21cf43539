; expect: error (set-option :regular-output-channel ...) is not allowed
; strategy: cvc5
(set-option :regular-output-channel stderr)
(declare-const x Int)
(assert (> x 0))
(check-sat)
