; expect: error the script has no (check-sat)

