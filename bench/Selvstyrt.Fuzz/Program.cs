using SharpFuzz;
using Selvstyrt.Testing;

// The harness AFL++ runs (bench/fuzz.sh): `Selvstyrt.Fuzz <target>` reads each input AFL++ gives it on standard input
// through one parser of FuzzTargets; an exception the parser does not document is a crash. `Selvstyrt.Fuzz <target>
// --replay <folder>` reads every file of a folder once and lists the ones that crash (exit code 1 if any); `Selvstyrt.Fuzz
// --seeds <folder>` writes the starting inputs that are made rather than copied (bpa, import-csv, import-xlsx, bundle).
if (args.Length == 0)
{
    Console.Error.WriteLine($"Bruk: Selvstyrt.Fuzz <mål> [--replay <mappe>]. Mål: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}.");
    return 2;
}
if (args.Length == 2 && args[0] == "--seeds")
{
    Seeds.Write(args[1]);
    return 0;
}
var target = FuzzTargets.Named(args[0]);
if (args.Length == 3 && args[1] == "--replay")
{
    var crashed = 0;
    foreach (var file in Directory.EnumerateFiles(args[2]).Order(StringComparer.Ordinal))
    {
        try
        {
            target.Run(File.ReadAllBytes(file));
        }
        catch (Exception e)
        {
            crashed++;
            Console.WriteLine($"{Path.GetFileName(file)}: {e.GetType().FullName}: {e.Message.Split('\n')[0]}");
            Console.WriteLine(e.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("Selvstyrt", StringComparison.Ordinal))?.Trim());
        }
    }
    return crashed == 0 ? 0 : 1;
}
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target.Run(buffer.ToArray());
});
return 0;
