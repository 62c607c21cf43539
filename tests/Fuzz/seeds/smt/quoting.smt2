(set-logic QF_LRA) ; quoted symbols, strings and keywords
(declare-const |a b| Real)
(declare-fun f (Real) Real)
(assert (! (> (f |a b|) (/ 1 3)) :named goal))
(set-info :source "a ""quoted"" string")
(check-sat)
(get-value (|a b| #b101 #x1F 2.5))
