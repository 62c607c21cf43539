using System.Globalization;
using Hms.Proving;
using Hms.Proving.Checking;
using Hms.Proving.Proof;
using Hms.Proving.Search;

namespace Hms.Interop.Genetic;

/// <summary>
/// Turns rows the search found into verdicts: each row is snapped to simple rationals at several precisions
/// and checked exactly by the core (<see cref="CandidateCheck"/>); the first confirmation wins. A row that can
/// only be checked numerically is kept as evidence. Rows seen before are skipped.
/// </summary>
internal sealed class CandidateJudge(SearchProgram program)
{
    private readonly CandidateCheck check = new(program);
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly List<SearchVariable> values = program.Variables.Where(v => v.Role != SearchRole.Bound).ToList();

    /// <summary>The best numeric-only counterexample so far, with its margin.</summary>
    public (Counterexample Counterexample, double Margin)? Numeric { get; private set; }

    public int Checked { get; private set; }

    /// <summary>A validated counterexample among <paramref name="rows"/>, or null.</summary>
    public Counterexample? Judge(IEnumerable<CandidateRow> rows, double checkBelow)
    {
        foreach (var row in rows)
        {
            if (row.Fitness >= checkBelow || !seen.Add(row.Key)) continue;
            var named = values.Select((v, i) => (v.Name, v.Sort, row.Values[i])).ToList();
            foreach (var assignment in RationalSnapper.SnapRow(named))
            {
                Checked++;
                var result = check.Check(assignment);
                if (result.Outcome == ModelCheckOutcome.Confirmed)
                    return new Counterexample(result.Assignment, Validated: true, result.Explanation)
                    {
                        Validation = result.ByIntervals ? CounterexampleValidation.Interval : CounterexampleValidation.Exact,
                    };
                if (result.Outcome == ModelCheckOutcome.Inexact && row.Target == 0 && Numeric is null)
                    Numeric = (NumericCounterexample(named, row, result.Explanation), row.Margin);
            }
        }
        return null;
    }

    /// <summary>The floating-point values themselves, flagged approximate: no rational stands for them exactly.</summary>
    private Counterexample NumericCounterexample(List<(string Name, Sort Sort, double Value)> named, CandidateRow row, string why)
    {
        var byName = named.ToDictionary(v => v.Name, v => v, StringComparer.Ordinal);
        var order = program.Theorem.Variables.Select(v => v.Name).Concat(program.Witnesses.Select(w => w.Key));
        var assignment = order.Where(byName.ContainsKey).Select(name => KeyValuePair.Create(name, Text(byName[name]))).ToList();
        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"numeric: the assumptions hold and the statement is false in floating point (margin {row.Margin:G6}); no exact check is possible: {why}");
        return new Counterexample(assignment, Validated: false, explanation)
        {
            Validation = CounterexampleValidation.None,
            Approximate = [.. assignment.Select(a => a.Key).Where(name => byName[name].Sort == Sort.Real)],
        };
    }

    private static string Text((string Name, Sort Sort, double Value) v) => v.Sort switch
    {
        Sort.Bool => v.Value >= 0.5 ? "true" : "false",
        Sort.Int => Math.Round(v.Value).ToString("R", CultureInfo.InvariantCulture),
        _ => v.Value.ToString("G17", CultureInfo.InvariantCulture),
    };
}
