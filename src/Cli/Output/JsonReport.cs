using System.Text.Json;
using Hms.Cli.Commands;
using Hms.Proving.Obligations;
using Hms.Proving.Proof;

namespace Hms.Cli.Output;

/// <summary>One JSON object per theorem per line, in a fixed key order that scripts can rely on.</summary>
internal static class JsonReport
{
    public static string Line(ProveRun run)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            var r = run.Result;
            w.WriteStartObject();
            w.WriteString("file", run.File);
            w.WriteString("id", run.Id);
            w.WriteString("status", StatusText.Of(r.Status));
            w.WriteNumber("elapsed_ms", (long)r.Elapsed.TotalMilliseconds);
            w.WriteStartObject("counterexample");
            foreach (var (name, value) in r.Counterexample?.Assignment ?? []) w.WriteString(name, value);
            w.WriteEndObject();
            // As on the wire: validation says how the counterexample was confirmed, validated only whether that was
            // without trusting a solver (exact or interval), never a solver's word alone.
            w.WriteBoolean("validated", r.Counterexample?.Validation.IsChecked() ?? false);
            if (r.Counterexample is { } confirmed) w.WriteString("validation", confirmed.Validation.ToName());
            if (r.Counterexample is { } c)
            {
                // Values stay text every program parses as a number; which of them are approximations is said apart.
                WriteStrings(w, "approximate", c.Approximate);
                w.WriteString("explanation", c.Explanation);
            }
            w.WriteStartArray("obligations");
            foreach (var o in r.Obligations)
            {
                w.WriteStartObject();
                w.WriteString("kind", KindText(o.Kind));
                w.WriteString("description", o.Description);
                w.WriteString("status", StatusText.Of(o.Status));
                if (o.Strategy is null) w.WriteNull("strategy"); else w.WriteString("strategy", o.Strategy);
                w.WriteNumber("elapsed_ms", (long)o.Elapsed.TotalMilliseconds);
                if (o.Reason is not null) w.WriteString("reason", o.Reason);
                // Which silo proved it, so a cluster's spread shows; absent when the proof cache answered.
                if (o.Silo is not null) w.WriteString("silo", o.Silo);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            WriteStrings(w, "warnings", r.Warnings);
            WriteStrings(w, "assumptions_used", r.AssumptionsUsed);
            if (r.Error is null) w.WriteNull("error"); else w.WriteString("error", r.Error);
            if (run.Expected is { } expected)
            {
                w.WriteString("expected", expected.ToString().ToLowerInvariant());
                w.WriteBoolean("mismatch", run.Mismatch);
            }
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static string KindText(ObligationKind kind) => kind switch
    {
        ObligationKind.Claim => "claim",
        ObligationKind.WellDefinedness => "well_definedness",
        _ => "consistency",
    };
}
