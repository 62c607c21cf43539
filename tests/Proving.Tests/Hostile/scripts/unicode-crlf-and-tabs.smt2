; expect: proved
(declare-const	x	Int)
(assert	(>	x	0))
(assert	(<	x	0))
(check-sat)
