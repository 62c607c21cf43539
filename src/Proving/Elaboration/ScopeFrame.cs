using System.Numerics;
using Hms.Proving.Syntax.Tree;

namespace Hms.Proving.Elaboration;

/// <summary>A name bound where elaboration is: by a quantifier, a definition's parameter or maximizes (Binder), or by a sum (Index, with its current value).</summary>
internal sealed record ScopeFrame(Binder Binder, BigInteger? IndexValue)
{
    public string Name => Binder.Name;

    public static ScopeFrame Bound(Binder binder) => new(binder, null);

    public static ScopeFrame Index(Binder binder, BigInteger value) => new(binder, value);
}
