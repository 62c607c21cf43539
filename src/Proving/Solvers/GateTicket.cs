namespace Hms.Proving.Solvers;

/// <summary>What the <see cref="PriorityGate"/> knows of a goal that wants a slot.</summary>
/// <param name="Owner">Whose goal it is (opaque; "" for nobody in particular): slots are shared fairly between owners.</param>
/// <param name="Priority">Order among the same owner's goals (higher first), already clamped by the pool.</param>
/// <param name="Short">A goal with a short time limit: it may also use the slots kept free for such goals.</param>
internal readonly record struct GateTicket(string Owner, int Priority, bool Short);
