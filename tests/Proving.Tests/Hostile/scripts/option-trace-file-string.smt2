; expect: error (set-option :trace_file_name ...) is not allowed
(set-option :trace_file_name "{TARGET}/z3.log")
(declare-const x Int)
(assert (> x 0))
(check-sat)
