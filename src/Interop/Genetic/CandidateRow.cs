namespace Hms.Interop.Genetic;

/// <summary>
/// One row of the search's output buffer: the searched then defined variables' values, the fitness, the margin
/// (how far the statement, or for a divisor target its operand, is from holding) and the target (0: the
/// statement, k + 1: divisor k).
/// </summary>
internal sealed record CandidateRow(double[] Values, double Fitness, double Margin, int Target)
{
    /// <summary>Reads the rows written by the last slice (NaN fitness marks unused rows).</summary>
    public static List<CandidateRow> Read(ReadOnlySpan<double> output, int rows, int valueCount)
    {
        var width = valueCount + 3;
        var read = new List<CandidateRow>(rows);
        for (var r = 0; r < rows; r++)
        {
            var row = output.Slice(r * width, width);
            if (double.IsNaN(row[valueCount])) break;
            read.Add(new CandidateRow(row[..valueCount].ToArray(), row[valueCount], row[valueCount + 1], (int)row[valueCount + 2]));
        }
        return read;
    }

    /// <summary>A key for "already checked", exact to the bit.</summary>
    public string Key => string.Join(',', Values.Select(v => BitConverter.DoubleToInt64Bits(v).ToString("x", System.Globalization.CultureInfo.InvariantCulture)));
}
