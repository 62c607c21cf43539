namespace Hms.Proving.Documents.Reading;

/// <summary>
/// Finds the first top-level <c>(set-info :status X)</c> in an SMT-LIB 2 script. It tokenizes
/// rather than searching the text, because comments and strings often mention "set-info :status"
/// too (the corpus's source comments do).
/// </summary>
internal static class SmtLibStatusScanner
{
    public static SmtLibStatus? Find(string script)
    {
        var depth = 0;

        // How much of "(", "set-info", ":status" has been seen, in a row, at top level.
        var matched = 0;
        var line = 1;
        var column = 1;
        var i = 0;
        while (i < script.Length)
        {
            var c = script[i];
            if (char.IsWhiteSpace(c))
            {
                Advance(script, ref i, ref line, ref column, 1);
                continue;
            }

            if (c == ';')
            {
                var end = script.IndexOf('\n', i);
                Advance(script, ref i, ref line, ref column, (end < 0 ? script.Length : end) - i);
                continue;
            }

            if (c == '(')
            {
                matched = depth == 0 ? 1 : 0;
                depth++;
                Advance(script, ref i, ref line, ref column, 1);
                continue;
            }

            if (c == ')')
            {
                matched = 0;
                depth = Math.Max(0, depth - 1);
                Advance(script, ref i, ref line, ref column, 1);
                continue;
            }

            var start = new SourcePosition(line, column);
            var length = TokenLength(script, i);
            var token = script.AsSpan(i, length);
            if (matched == 3)
            {
                return new SmtLibStatus(token.ToString(), start);
            }

            matched = matched == 1 && token is "set-info" ? 2
                : matched == 2 && token is ":status" ? 3
                : 0;
            Advance(script, ref i, ref line, ref column, length);
        }

        return null;
    }

    /// <summary>Length of the token at <paramref name="start"/>: a string literal, a |quoted symbol|, or a run of symbol characters.</summary>
    private static int TokenLength(string script, int start)
    {
        var c = script[start];
        if (c is '"' or '|')
        {
            // In strings a doubled quote is an escaped quote; scanning on past it is equivalent.
            var close = script.IndexOf(c, start + 1);
            return (close < 0 ? script.Length : close + 1) - start;
        }

        var end = start;
        while (end < script.Length && !char.IsWhiteSpace(script[end]) && script[end] is not ('(' or ')' or ';' or '"' or '|'))
        {
            end++;
        }

        return end - start;
    }

    private static void Advance(string script, ref int index, ref int line, ref int column, int count)
    {
        for (var stop = index + count; index < stop; index++)
        {
            if (script[index] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }
    }
}
