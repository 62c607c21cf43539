using System.Text;

namespace Hms.Proving.Documents;

/// <summary>One problem in a theorem file.</summary>
/// <param name="File">The file path (or in-memory file name) as given to the loader.</param>
/// <param name="TheoremId">The theorem the problem belongs to, when it is known and valid.</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the file as a whole.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
/// <param name="Message">What was found and what was expected.</param>
public sealed record DocumentError(string File, string? TheoremId, int Line, int Column, string Message)
{
    /// <summary>Formats as <c>file:line:col: theorem 'id': message</c>, leaving out unknown parts, which editors and CI logs recognise.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(File);
        if (Line > 0)
        {
            text.Append(':').Append(Line);
            if (Column > 0)
            {
                text.Append(':').Append(Column);
            }
        }

        text.Append(": ");
        if (TheoremId is not null)
        {
            text.Append("theorem '").Append(TheoremId).Append("': ");
        }

        return text.Append(Message).ToString();
    }
}
