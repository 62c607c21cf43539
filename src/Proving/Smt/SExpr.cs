using System.Text;

namespace Hms.Proving.Smt;

/// <summary>
/// An SMT-LIB 2 s-expression: <see cref="SAtom"/>, <see cref="SSymbol"/>, <see cref="SString"/> or <see cref="SList"/>.
/// </summary>
public abstract record SExpr
{
    /// <summary>Where the expression was read from; default for constructed expressions.</summary>
    /// <remarks>Not part of equality: the same term read from two places is the same term.</remarks>
    public SourceSpan Span { get; init; }

    public virtual bool Equals(SExpr? other) => other is not null && EqualityContract == other.EqualityContract;

    public override int GetHashCode() => EqualityContract.GetHashCode();

    /// <summary>The head symbol's name when this is a non-empty list starting with a symbol.</summary>
    public string? Head => this is SList { Items: [SSymbol head, ..] } ? head.Name : null;

    /// <summary>SMT-LIB text that reads back to an equal expression.</summary>
    // Sealed so derived records do not synthesize their own member-dump ToString.
    public sealed override string ToString()
    {
        var builder = new StringBuilder();
        WriteTo(builder);
        return builder.ToString();
    }

    /// <summary>
    /// Prints without recursion: user scripts can nest deeply enough to overflow the stack.
    /// </summary>
    public void WriteTo(StringBuilder builder)
    {
        var pending = new Stack<(SList List, int Next)>();
        var current = this;
        while (true)
        {
            if (current is SList list)
            {
                builder.Append('(');
                pending.Push((list, 0));
            }
            else
            {
                current.WriteAtomTo(builder);
            }

            current = null;
            while (current is null && pending.Count > 0)
            {
                var (open, next) = pending.Pop();
                if (next < open.Items.Count)
                {
                    if (next > 0) builder.Append(' ');
                    pending.Push((open, next + 1));
                    current = open.Items[next];
                }
                else
                {
                    builder.Append(')');
                }
            }
            if (current is null) return;
        }
    }

    /// <summary>Prints a non-list expression.</summary>
    private protected abstract void WriteAtomTo(StringBuilder builder);
}
