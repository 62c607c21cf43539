; expect: error must be separated
(declare-const |a||b| Int)
(check-sat)
