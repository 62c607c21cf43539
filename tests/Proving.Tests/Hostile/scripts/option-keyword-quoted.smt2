; expect: error set-option takes one :keyword and one value
(set-option |:trace_file_name| |{TARGET}/q.log|)
(declare-const x Int)
(assert (> x 0))
(check-sat)
