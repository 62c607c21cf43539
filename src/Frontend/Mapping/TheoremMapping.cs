using Google.Protobuf.WellKnownTypes;
using Hms.Grains.Messages;
using Hms.Frontend.V1;
using CoreStatus = Hms.Proving.Proof.TheoremStatus;
using CoreValidation = Hms.Proving.Proof.CounterexampleValidation;

namespace Hms.Frontend.Mapping;

/// <summary>A grain's snapshot as the wire shows it.</summary>
internal static class TheoremMapping
{
    /// <summary>
    /// The document fields are the theorem's own, not the settings a submission added, so a client can send
    /// back what it read and be recognised as the same theorem.
    /// </summary>
    public static Theorem ToWire(TheoremSnapshot snapshot)
    {
        var spec = snapshot.Spec;
        var theorem = new Theorem
        {
            Id = spec.Id,
            Name = spec.Name ?? "",
            Statement = spec.Statement,
            LeanCode = spec.LeanCode ?? "",
            Domain = spec.Domain ?? "",
            Complexity = ComplexityMapping.ToWire(snapshot.Complexity),
            Format = FormatMapping.ToWire(spec.Format),
            Status = TheoremStatusMapping.ToWire(snapshot.Status),
            Error = snapshot.Verdict?.Error ?? "",
            CreatedAt = Timestamp.FromDateTimeOffset(snapshot.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(snapshot.UpdatedAt),
            CompletedAt = snapshot.CompletedAt is { } completed ? Timestamp.FromDateTimeOffset(completed) : null,
            TimeoutSeconds = spec.TimeoutSeconds ?? 0,
            UseGeneticOptimization = spec.UseGeneticOptimization,
        };
        theorem.Assumptions.AddRange(spec.Assumptions);
        theorem.Strategies.AddRange(spec.Strategies);
        foreach (var variable in spec.Variables)
        {
            theorem.Variables[variable.Name] = SortMapping.ToWire(variable.Sort);
        }

        foreach (var (key, value) in spec.Metadata)
        {
            theorem.Metadata[key] = value;
        }

        foreach (var definition in spec.Definitions)
        {
            theorem.Definitions[definition.Head] = definition.Body;
        }

        theorem.Obligations.AddRange(snapshot.Obligations.Select(ObligationMapping.ToWire));
        if (snapshot.Verdict is { } verdict)
        {
            theorem.Warnings.AddRange(verdict.Warnings);
            theorem.ElapsedMs = verdict.ElapsedMs;
            if (snapshot.Status == CoreStatus.Proved)
            {
                theorem.Proof = ToProof(snapshot, verdict);
            }
            else if (snapshot.Status == CoreStatus.Disproved && verdict.Counterexample is { } counterexample)
            {
                theorem.Counterexample = ToCounterexample(counterexample);
            }
        }

        return theorem;
    }

    public static TheoremHandle ToHandle(string id, CoreStatus status) =>
        new() { Id = id, Status = TheoremStatusMapping.ToWire(status) };

    private static Proof ToProof(TheoremSnapshot snapshot, TheoremVerdict verdict)
    {
        var proof = new Proof
        {
            // Each obligation may have been decided by another solver; listing them all says who proved it.
            Strategy = string.Join(",", snapshot.Obligations
                .Select(o => o.Strategy)
                .OfType<string>()
                .Where(s => s.Length > 0)
                .Distinct(StringComparer.Ordinal)),
            ElapsedMs = verdict.ElapsedMs,
        };
        proof.SolverVersions.AddRange(snapshot.SolverVersions);
        proof.AssumptionsUsed.AddRange(verdict.AssumptionsUsed);
        return proof;
    }

    private static Counterexample ToCounterexample(CounterexampleData data)
    {
        var validation = data.Confirmation;
        var counterexample = new Counterexample
        {
            // One meaning, derived from validation: checked without trusting a solver (exact or interval).
            Validated = Hms.Proving.Proof.CounterexampleValidationExtensions.IsChecked(validation),
            Validation = validation switch
            {
                CoreValidation.Exact => CounterexampleValidation.Exact,
                CoreValidation.Solver => CounterexampleValidation.Solver,
                CoreValidation.Interval => CounterexampleValidation.Interval,
                _ => CounterexampleValidation.None,
            },
            Explanation = data.Explanation,
        };
        foreach (var value in data.Assignment)
        {
            counterexample.Assignment[value.Name] = value.Value;
        }

        counterexample.Approximate.AddRange(data.Approximate ?? []);

        return counterexample;
    }
}
