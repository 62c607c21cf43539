using System.Text;

namespace Hms.Proving.Documents.Reading;

/// <summary>Reads a <c>.smt2</c> file as one smtlib2 theorem whose statement is the whole script.</summary>
internal static class SmtLibTheoremFileReader
{
    public static IReadOnlyList<TheoremDocument> Read(string text, string sourceFile, ErrorCollector errors)
    {
        var reportedBefore = errors.Reported;
        var id = Path.GetFileNameWithoutExtension(sourceFile);
        var idIsValid = TheoremIds.IsValid(id);
        if (!idIsValid)
        {
            errors.Add(null, SourcePosition.None, $"the file name gives the id '{id}', which is not a valid id (expected {TheoremIds.Rule}); rename the file");
        }

        var theoremId = idIsValid ? id : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(theoremId, SourcePosition.None, "the file is empty (expected an SMT-LIB 2 script)");
            return [];
        }

        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > DocumentLimits.MaxStatementBytes)
        {
            errors.Add(theoremId, SourcePosition.None, $"the script is {bytes} bytes long (at most {DocumentLimits.MaxStatementBytes}, the statement limit)");
            return [];
        }

        var expected = ReadExpected(text, theoremId, errors);
        if (errors.Reported != reportedBefore)
        {
            return [];
        }

        return
        [
            new TheoremDocument
            {
                Id = id,
                Format = TheoremFormat.Smtlib2,
                Statement = text,
                Expected = expected,
                SourceFile = sourceFile,
            },
        ];
    }

    private static ExpectedVerdict? ReadExpected(string text, string? theoremId, ErrorCollector errors)
    {
        var status = SmtLibStatusScanner.Find(text);
        switch (status?.Value)
        {
            case null:
                return null;
            case "unsat":
                return ExpectedVerdict.Proved;
            case "sat":
                return ExpectedVerdict.Disproved;
            case "unknown":
                return ExpectedVerdict.Unknown;
            default:
                var shown = status.Value.Length > 40 ? status.Value[..40] + "..." : status.Value;
                errors.Add(theoremId, status.Position, $"unknown status '{shown}' in (set-info :status ...) (expected sat, unsat or unknown)");
                return null;
        }
    }
}
