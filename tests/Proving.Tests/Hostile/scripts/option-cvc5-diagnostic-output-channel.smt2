; expect: error (set-option :diagnostic-output-channel ...) is not allowed
(set-option :diagnostic-output-channel "{TARGET}/diag")
(declare-const x Int)
(assert (> x 0))
(check-sat)
