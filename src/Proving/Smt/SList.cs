using System.Text;

namespace Hms.Proving.Smt;

/// <summary>A parenthesised list of expressions.</summary>
public sealed record SList(IReadOnlyList<SExpr> Items) : SExpr
{
    public static readonly SList Empty = new(Array.Empty<SExpr>());

    public SList(params SExpr[] items) : this((IReadOnlyList<SExpr>)items)
    {
    }

    public int Count => Items.Count;

    public SExpr this[int index] => Items[index];

    // Records compare list references by default; terms are equal when their items are.
    public bool Equals(SList? other) =>
        other is not null && base.Equals(other) && Items.SequenceEqual(other.Items);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Items.Count);
        // The first few items are enough to spread the hash; walking everything would recurse deeply.
        foreach (var item in Items.Take(4))
            hash.Add(item is SList ? 0 : item.GetHashCode());
        return hash.ToHashCode();
    }

    private protected override void WriteAtomTo(StringBuilder builder) =>
        throw new InvalidOperationException("lists are printed by SExpr.WriteTo");

}
