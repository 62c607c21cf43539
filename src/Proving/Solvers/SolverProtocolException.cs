namespace Hms.Proving.Solvers;

/// <summary>The solver broke the conversation (e.g. flooded its output); the process is not trusted again.</summary>
internal sealed class SolverProtocolException(string message) : Exception(message);
