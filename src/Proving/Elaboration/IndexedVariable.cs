using System.Numerics;

namespace Hms.Proving.Elaboration;

/// <summary>A variable declared as <c>x[1..3]</c>: the elements x[1], x[2], x[3], each of the one sort.</summary>
public sealed record IndexedVariable(string Name, BigInteger From, BigInteger To, Sort Sort)
{
    public string Declaration => $"{Name}[{From}..{To}]";

    public bool Contains(BigInteger index) => index >= From && index <= To;
}
