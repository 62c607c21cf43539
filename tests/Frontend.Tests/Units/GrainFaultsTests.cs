extern alias frontend;

using frontend::Hms.Frontend.Errors;
using Grpc.Core;
using Hms.Proving.Solvers;
using Orleans.Runtime;

namespace Hms.Frontend.Tests.Units;

public sealed class GrainFaultsTests
{
    /// <summary>Roughly what Orleans puts in its messages: request headers, addresses, nested exception text.</summary>
    private static readonly string Diagnostics =
        "Response did not arrive on time in 00:00:30 for message: Request [S127.0.0.1:11111:98765 sys.client/hosted-127.0.0.1:11111@98765]->" +
        "[theorem/abc] Hms.Grains.ITheoremGrain.SubmitAsync(...) #1234. Last known status is IsExecuting: True, Diagnostics: " + new string('x', 4000);

    [Fact]
    public void A_full_solver_queue_is_resource_exhausted()
    {
        var rpc = GrainFaults.ToRpc(new SolverQueueFullException(10), "i");

        Assert.NotNull(rpc);
        Assert.Equal(StatusCode.ResourceExhausted, rpc.StatusCode);
        Assert.Contains("solver queue is full", rpc.Status.Detail);
    }

    [Fact]
    public void A_grain_call_timeout_is_unavailable_with_a_short_message_of_our_own()
    {
        var rpc = GrainFaults.ToRpc(new TimeoutException(Diagnostics), "i");

        Assert.Equal(StatusCode.Unavailable, rpc?.StatusCode);
        Assert.Equal(GrainFaults.ClusterTimeout, rpc!.Status.Detail);
    }

    [Fact]
    public void A_storage_or_silo_fault_is_unavailable_without_its_diagnostics()
    {
        var storage = new OrleansException("Error from storage provider AdoNetGrainStorage.theorem during WriteStateAsync " + Diagnostics,
            new InvalidOperationException("Npgsql: connection refused"));

        var rpc = GrainFaults.ToRpc(storage, "i");

        Assert.Equal(StatusCode.Unavailable, rpc?.StatusCode);
        Assert.Equal(GrainFaults.ClusterUnavailable, rpc!.Status.Detail);
        Assert.Equal(StatusCode.Unavailable, GrainFaults.ToRpc(new SiloUnavailableException(Diagnostics), "i")?.StatusCode);
    }

    [Fact]
    public void Any_other_fault_is_internal_and_named_by_its_incident_only()
    {
        var rpc = GrainFaults.ToRpc(new InvalidOperationException(Diagnostics), "0123456789ab");

        Assert.Equal(StatusCode.Internal, rpc?.StatusCode);
        Assert.Contains("0123456789ab", rpc!.Status.Detail);
        Assert.DoesNotContain("Request [", rpc.Status.Detail);
        Assert.True(rpc.Status.Detail.Length < 100, rpc.Status.Detail);
    }

    [Fact]
    public void Statuses_and_cancelled_calls_are_left_to_grpc()
    {
        Assert.Null(GrainFaults.ToRpc(new RpcException(new Status(StatusCode.NotFound, "no")), "i"));
        Assert.Null(GrainFaults.ToRpc(new OperationCanceledException(), "i"));
    }
}
