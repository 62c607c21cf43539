using System.Text;
using SharpFuzz;

namespace Hms.Fuzz;

/// <summary>
/// <c>Hms.Fuzz TARGET</c> under the libFuzzer driver (driver.c) serves its inputs until a crash;
/// <c>Hms.Fuzz TARGET FILE...</c> replays saved inputs and prints what each does, to turn a finding into a test.
/// </summary>
internal static class Program
{
    // Invalid UTF-8 becomes U+FFFD, as it does when a theorem file is read.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private static int Main(string[] args)
    {
        if (args.Length == 0 || FuzzTargets.Find(args[0]) is not { } target)
        {
            Console.Error.WriteLine("usage: Hms.Fuzz TARGET [FILE...]   (under ./hms fuzz, or replaying saved inputs)");
            foreach (var t in FuzzTargets.All) Console.Error.WriteLine($"  {t.Name,-9} {t.Description}");
            return 2;
        }

        if (args.Length > 1) return Replay(target, args[1..]);

        if (Environment.GetEnvironmentVariable("__LIBFUZZER_SHM_ID") is null)
        {
            Console.Error.WriteLine("Hms.Fuzz: not started by the libFuzzer driver; run ./hms fuzz, or give input files to replay");
            return 2;
        }

        Fuzzer.LibFuzzer.Run(data => target.Run(Utf8.GetString(data)));
        return 0;
    }

    private static int Replay(FuzzTarget target, string[] files)
    {
        var failures = 0;
        foreach (var file in files)
        {
            try
            {
                target.Run(Utf8.GetString(File.ReadAllBytes(file)));
                Console.WriteLine($"{file}: ok");
            }
            catch (Exception e)
            {
                failures++;
                Console.WriteLine($"{file}: {e}");
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
