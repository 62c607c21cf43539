namespace Hms.Agents.Reports;

/// <summary>What submit_theorem answers at once: the id to pass to get_theorem, and the status so far.</summary>
/// <param name="Outcome">Accepted (a proof started) or Unchanged (the same theorem was submitted before).</param>
public sealed record SubmitReceipt(string Id, string Status, string Outcome);
