; expect: proved-or-unknown
; timeout: 2
(define-funs-rec ((ev ((n Int)) Bool) (od ((n Int)) Bool)) ((ite (= n 0) true (od (- n 1))) (ite (= n 0) false (ev (- n 1)))))
(assert (od 20000000))
(assert (ev 20000000))
(check-sat)
