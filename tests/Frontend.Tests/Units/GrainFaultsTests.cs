extern alias frontend;

using frontend::Hms.Frontend.Errors;
using Grpc.Core;
using Hms.Proving.Solvers;

namespace Hms.Frontend.Tests.Units;

public sealed class GrainFaultsTests
{
    [Fact]
    public void A_full_solver_queue_is_resource_exhausted()
    {
        var rpc = GrainFaults.ToRpc(new SolverQueueFullException(10));

        Assert.NotNull(rpc);
        Assert.Equal(StatusCode.ResourceExhausted, rpc.StatusCode);
        Assert.Contains("solver queue is full", rpc.Status.Detail);
    }

    [Fact]
    public void A_grain_call_timeout_is_unavailable()
    {
        Assert.Equal(StatusCode.Unavailable, GrainFaults.ToRpc(new TimeoutException("30 s"))?.StatusCode);
    }

    [Fact]
    public void Other_faults_are_left_to_grpc()
    {
        Assert.Null(GrainFaults.ToRpc(new InvalidOperationException()));
    }
}
