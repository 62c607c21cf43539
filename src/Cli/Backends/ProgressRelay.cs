using Hms.Grains.Messages;
using Hms.Cli.Output;

namespace Hms.Cli.Backends;

/// <summary>Feeds progress events, from a grain stream or a gRPC stream, to the display's observer.</summary>
internal static class ProgressRelay
{
    public static async Task FollowAsync<T>(IAsyncEnumerable<T> events, Func<T, (ProgressKind Kind, int Count)> read, ProgressObserver display)
    {
        await foreach (var e in events)
        {
            var (kind, count) = read(e);
            switch (kind)
            {
                case ProgressKind.Decomposed:
                    display.Decomposed(count);
                    break;
                case ProgressKind.ObligationFinished:
                    display.Finished();
                    break;
                case ProgressKind.Completed:
                    return;
            }
        }
    }
}
