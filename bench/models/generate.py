#!/usr/bin/env python3
"""Writes the economics models of bench/models/ (issue 9): large conjunctions of polynomial equalities and
inequalities over 20-40 reals, each as a YAML theorem (assumptions => statement) and as the SMT-LIB script a
user would write by hand for the same question (the assumptions and the negated statement, in reading order).

Deterministic (fixed seed): run it again and the files are the same. Families:
  tax        per-unit tax incidence in k linear markets: consumers bear d/(b+d) of the tax
  shift      a supply shift lowers the price by s/(b+d) in k markets
  passthru   k monopolists with linear demand pass half of a cost increase into the price
  keynes     k economies' government-spending multiplier 1/(1-c)
  cobbdouglas cost-minimising input mix of q = k*l with fixed prices: the minimum cost is irrational
             (2*sqrt(2*w*r*q)), so a refutation needs an algebraic (root-obj) model
"""
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
random.seed(9)


def tax(k, true):
    vs, assume, claim = [], [], []
    for i in range(1, k + 1):
        a, b, c, d, t, p0, pc, ps = (f"{n}{i}" for n in ("a", "b", "c", "d", "t", "p0_", "pc", "ps"))
        vs += [a, b, c, d, t, p0, pc, ps]
        assume.append([f"{b} > 0", f"{d} > 0", f"{t} > 0", f"{a} > {c}",
                       f"{a} - {b}*{p0} = {c} + {d}*{p0}", f"{a} - {b}*{pc} = {c} + {d}*{ps}", f"{pc} = {ps} + {t}"])
        claim.append(f"({pc} - {p0})*({b} + {d}) = {d}*{t}" if true else f"{pc} - {p0} <= {t}/2")
    return vs, assume, claim


def shift(k, true):
    vs, assume, claim = [], [], []
    for i in range(1, k + 1):
        a, b, c, d, s, p0, p1, q1 = (f"{n}{i}" for n in ("a", "b", "c", "d", "s", "p0_", "p1_", "q1_"))
        vs += [a, b, c, d, s, p0, p1, q1]
        assume.append([f"{b} > 0", f"{d} > 0", f"{s} > 0", f"{a} - {b}*{p0} = {c} + {d}*{p0}",
                       f"{q1} = {a} - {b}*{p1}", f"{q1} = {c} + {s} + {d}*{p1}"])
        claim.append(f"({p0} - {p1})*({b} + {d}) = {s} and {p1} < {p0}" if true else f"{p0} - {p1} >= {s}/{random.randint(2, 4)}")
    return vs, assume, claim


def passthru(k, true):
    vs, assume, claim = [], [], []
    for i in range(1, k + 1):
        a, b, c1, c2, q1, q2, p1, p2 = (f"{n}{i}" for n in ("a", "b", "c1_", "c2_", "q1_", "q2_", "p1_", "p2_"))
        vs += [a, b, c1, c2, q1, q2, p1, p2]
        assume.append([f"{b} > 0", f"{a} > {c2}", f"{c2} > {c1}", f"{c1} >= 0",
                       f"{a} - 2*{b}*{q1} = {c1}", f"{a} - 2*{b}*{q2} = {c2}",
                       f"{p1} = {a} - {b}*{q1}", f"{p2} = {a} - {b}*{q2}"])
        claim.append(f"2*({p2} - {p1}) = {c2} - {c1}" if true else f"{p2} - {p1} = {c2} - {c1}")
    return vs, assume, claim


def keynes(k, true):
    vs, assume, claim = [], [], []
    for i in range(1, k + 1):
        c0, c, tx, inv, g1, g2, y1, y2 = (f"{n}{i}" for n in ("c0_", "mpc", "tx", "inv", "g1_", "g2_", "y1_", "y2_"))
        vs += [c0, c, tx, inv, g1, g2, y1, y2]
        assume.append([f"0 < {c}", f"{c} < 1", f"{c0} > 0", f"{g2} > {g1}",
                       f"{y1} = {c0} + {c}*({y1} - {tx}) + {inv} + {g1}",
                       f"{y2} = {c0} + {c}*({y2} - {tx}) + {inv} + {g2}"])
        claim.append(f"({y2} - {y1})*(1 - {c}) = {g2} - {g1}" if true else f"{y2} - {y1} <= 2*({g2} - {g1})")
    return vs, assume, claim


def cobbdouglas(k, true):
    vs, assume, claim = [], [], []
    for i in range(1, k + 1):
        w, r, q, kk, l, lam, cost = (f"{n}{i}" for n in ("w", "r", "q", "k", "l", "lam", "cost"))
        vs += [w, r, q, kk, l, lam, cost]
        wv, rv, qv = random.choice([(1, 2, 1), (2, 3, 1), (1, 1, 2), (3, 2, 2), (1, 3, 3)])
        assume.append([f"{w} = {wv}", f"{r} = {rv}", f"{q} = {qv}", f"{kk} > 0", f"{l} > 0",
                       f"{kk}*{l} = {q}", f"{w} = {lam}*{kk}", f"{r} = {lam}*{l}", f"{cost} = {w}*{l} + {r}*{kk}"])
        # cost^2 = 4*w*r*q at the optimum; the false claim is off by a rational just above the irrational cost.
        claim.append(f"{cost}^2 = 4*{w}*{r}*{q}" if true else f"{cost} >= {approx_above(4 * wv * rv * qv)}")
    return vs, assume, claim


def approx_above(square):
    # a decimal a little above sqrt(square), so "cost >= it" is false at the optimum (cost = sqrt(square))
    from decimal import Decimal, getcontext
    getcontext().prec = 12
    return str((Decimal(square).sqrt() + Decimal("0.001")).quantize(Decimal("0.001")))


FAMILIES = {"tax": tax, "shift": shift, "passthru": passthru, "keynes": keynes, "cobbdouglas": cobbdouglas}


def infix_to_smt(text):
    """A tiny translator for the formulas above (binary + - * /, ^2, comparisons, 'and'): enough for them, not general."""
    tokens = re.findall(r"<=|>=|[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?|[-+*/^()=<>]", text)
    pos = 0

    def peek():
        return tokens[pos] if pos < len(tokens) else None

    def take():
        nonlocal pos
        pos += 1
        return tokens[pos - 1]

    def conj():
        left = comp()
        parts = [left]
        while peek() == "and":
            take()
            parts.append(comp())
        return parts[0] if len(parts) == 1 else "(and " + " ".join(parts) + ")"

    def comp():
        left = expr()
        ops = {"=": "=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}
        if peek() in ops:
            op = ops[take()]
            return f"({op} {left} {expr()})"
        return left

    def expr():
        left = term()
        while peek() in ("+", "-"):
            op = take()
            left = f"({op} {left} {term()})"
        return left

    def term():
        left = power()
        while peek() in ("*", "/"):
            op = take()
            left = f"({op} {left} {power()})"
        return left

    def power():
        base = atom()
        if peek() == "^":
            take()
            n = int(take())
            return "(* " + " ".join([base] * n) + ")"
        return base

    def atom():
        tok = take()
        if tok == "(":
            inner = expr()
            assert take() == ")"
            return inner
        if tok == "-":
            return f"(- {atom()})"
        if tok[0].isdigit():
            return tok if "." in tok else tok + ".0"
        return tok

    out = conj()
    assert pos == len(tokens), text
    return out


def write(name, family, k, true):
    vs, assume, claim = FAMILIES[family](k, true)
    statement = " and ".join(claim)
    expected = "proved" if true else "disproved"
    with open(os.path.join(HERE, f"{name}.yaml"), "w") as f:
        f.write(f"id: {name}\nname: {family} model with {k} markets ({len(vs)} reals)\ndomain: bench_{family}\n")
        f.write("assumptions:\n")
        for group in assume:
            f.write(f"  - \"{' and '.join(group)}\"\n")
        f.write(f"statement: \"{statement}\"\nexpected: {expected}\n")
        f.write("metadata:\n  source: \"bench/models/generate.py (issue 9 economics models)\"\n")
    with open(os.path.join(HERE, f"{name}.smt2"), "w") as f:
        f.write(f"; {family} model with {k} markets: the assumptions and the negated statement ({expected})\n")
        f.write("(set-logic QF_NRA)\n")
        for v in vs:
            f.write(f"(declare-fun {v} () Real)\n")
        for group in assume:
            for a in group:
                f.write(f"(assert {infix_to_smt(a)})\n")
        f.write(f"(assert (not {infix_to_smt(statement)}))\n(check-sat)\n")


def main():
    plan = [("tax", 3, True), ("tax", 4, True), ("tax", 5, False), ("tax", 4, False), ("tax", 3, False),
            ("shift", 3, True), ("shift", 4, True), ("shift", 5, False), ("shift", 4, False),
            ("passthru", 3, True), ("passthru", 4, True), ("passthru", 5, False), ("passthru", 4, False),
            ("keynes", 3, True), ("keynes", 5, True), ("keynes", 4, False), ("keynes", 5, False),
            ("cobbdouglas", 3, True), ("cobbdouglas", 4, True), ("cobbdouglas", 3, False), ("cobbdouglas", 5, False),
            ("cobbdouglas", 4, False), ("tax", 5, True), ("passthru", 5, True)]
    for family, k, true in plan:
        write(f"{family}_{k}_{'true' if true else 'false'}", family, k, true)


if __name__ == "__main__":
    main()
