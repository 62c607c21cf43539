; expect: proved-or-unknown
; timeout: 2
(define-fun-rec f ((n Int)) Int (ite (<= n 0) 0 (+ 1 (f (- n 1)))))
(assert (= (f 100000000) 5))
(check-sat)
