; expect: proved
; warning: ignored '(set-option :trace true)'
(set-option :trace true)
(declare-const x Int)
(assert (> x 0))
(assert (< x 0))
(check-sat)
