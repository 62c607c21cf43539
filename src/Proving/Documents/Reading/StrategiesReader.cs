namespace Hms.Proving.Documents.Reading;

/// <summary>Reads <c>strategies:</c>, a list of known strategy names in preference order.</summary>
internal static class StrategiesReader
{
    private static readonly string[] Known = ["z3", "cvc5", "portfolio", "genetic"];

    public static IReadOnlyList<string>? Read(TreeNode node, FieldReader reader)
    {
        const string field = $"field '{TheoremFields.Strategies}'";
        if (reader.List(node, field, "a list of strategy names") is not { } items)
        {
            return null;
        }

        var strategies = new List<string>(Math.Min(items.Count, Known.Length));
        var ok = true;
        foreach (var item in items)
        {
            var name = reader.Text(item, $"{field} item", "z3, cvc5, portfolio or genetic");
            if (name is null)
            {
                if (item is ScalarNode)
                {
                    reader.Error(item, $"{field}: empty strategy (expected z3, cvc5, portfolio or genetic)");
                }

                ok = false;
            }
            else if (!Known.Contains(name, StringComparer.Ordinal))
            {
                reader.Error(item, $"unknown strategy '{name}' (expected z3, cvc5, portfolio or genetic)");
                ok = false;
            }
            else if (strategies.Contains(name, StringComparer.Ordinal))
            {
                reader.Error(item, $"strategy '{name}' is listed twice");
                ok = false;
            }
            else
            {
                strategies.Add(name);
            }
        }

        return ok ? strategies : null;
    }
}
