using Microsoft.Extensions.Options;

namespace Hms.Grains.Runs;

/// <summary>A bad <c>Hms:Cluster</c> run setting stops the silo's start with the setting's name, not a run later.</summary>
internal sealed class RunOptionsValidator : IValidateOptions<RunOptions>
{
    public ValidateOptionsResult Validate(string? name, RunOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
