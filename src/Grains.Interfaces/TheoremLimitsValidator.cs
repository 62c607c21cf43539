using Microsoft.Extensions.Options;

namespace Hms.Grains;

/// <summary>Refuses to start a host whose <see cref="TheoremLimits"/> contradict themselves or the core's.</summary>
public sealed class TheoremLimitsValidator : IValidateOptions<TheoremLimits>
{
    public ValidateOptionsResult Validate(string? name, TheoremLimits options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail($"{TheoremLimits.Section}: {problem}") : ValidateOptionsResult.Success;
}
