; expect: error U+0000 is not a printable character
(declare-const |x{U+0000}y| Int)
(check-sat)
