; expect: error (set-option :trace_file_name ...) is not allowed
(set-option :trace_file_name {TAG}.log)
(set-option :trace true)
(declare-const x Int)
(assert (> x 0))
(check-sat)
