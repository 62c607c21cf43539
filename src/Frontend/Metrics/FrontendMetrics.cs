using System.Diagnostics.Metrics;
using Hms.Proving.Metrics;

namespace Hms.Frontend.Metrics;

/// <summary>The frontend's instruments (meter <see cref="HmsInstruments.FrontendMeter"/>): admission and streaming.</summary>
internal sealed class FrontendMetrics
{
    private readonly Histogram<double> admission;
    private readonly Histogram<double> streaming;

    public FrontendMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(HmsInstruments.FrontendMeter);
        admission = meter.CreateHistogram<double>(HmsInstruments.AdmissionDuration, "s",
            "Time from a submitting call's arrival until its theorem was accepted", advice: HmsInstruments.DurationAdvice);
        streaming = meter.CreateHistogram<double>(HmsInstruments.StreamingDuration, "s",
            "Time to write one message onto a client's response stream", advice: HmsInstruments.DurationAdvice);
    }

    public void Admitted(string method, TimeSpan elapsed) =>
        admission.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("method", method));

    public void Streamed(string method, TimeSpan elapsed) =>
        streaming.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("method", method));
}
