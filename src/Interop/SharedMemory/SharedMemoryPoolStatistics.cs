namespace Hms.Interop.SharedMemory;

/// <summary>A snapshot of a pool's counters.</summary>
/// <param name="Segments">Segment files mapped now.</param>
/// <param name="MappedBytes">Their total size.</param>
/// <param name="LeasedBuffers">Buffers rented and not yet back (counting those held back by an open view).</param>
/// <param name="FreeBuffers">Buffers waiting in the pool for reuse.</param>
/// <param name="Rents">Buffers rented so far.</param>
/// <param name="LeakedLeases">Leases collected by the GC without being disposed; their memory was taken back.</param>
/// <param name="DoubleReturns">Second disposals of one lease (each also threw).</param>
/// <param name="QuarantinedBuffers">Buffers never reused because Python kept a view of them past a call.</param>
public readonly record struct SharedMemoryPoolStatistics(
    int Segments,
    long MappedBytes,
    int LeasedBuffers,
    int FreeBuffers,
    long Rents,
    long LeakedLeases,
    long DoubleReturns,
    long QuarantinedBuffers);
