using System.Diagnostics;

namespace Mammo.Tests.Imaging.Dicom;

/// <summary>Finds and runs the reference tools; a missing one gives the reason its tests are skipped.</summary>
public static class ReferenceTools
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> s_dcmtk = new(() => OnPath("dcm2pnm") && OnPath("img2dcm") && OnPath("dcmodify") && OnPath("dcmdump") && OnPath("dcmconv"));
    private static readonly Lazy<bool> s_pydicom = new(() => File.Exists(Python) && TryRun(Python, ["-c", "import pydicom, numpy"]));
    private static readonly Lazy<bool> s_gdcm = new(() => OnPath("gdcmconv"));

    public static bool IsAvailable(ReferenceTool tool) => tool switch
    {
        ReferenceTool.Dcmtk => s_dcmtk.Value,
        ReferenceTool.Pydicom => s_pydicom.Value,
        ReferenceTool.Gdcm => s_gdcm.Value,
        _ => false,
    };

    public static string SkipReason(ReferenceTool tool) => tool switch
    {
        ReferenceTool.Dcmtk => "DCMTK is not installed (apt-get install dcmtk; ./run test installs it)",
        ReferenceTool.Pydicom => $"pydicom with numpy is not importable by {Python} (apt-get install python3-pydicom python3-numpy; ./run test installs them)",
        ReferenceTool.Gdcm => "gdcmconv is not installed (apt-get install libgdcm-tools; ./run test installs it)",
        _ => $"unknown tool {tool}",
    };

    /// <summary>Runs a program to completion; a non-zero exit fails the test with its stderr.</summary>
    public static string Run(string program, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var (code, stdout, stderr) = Execute(program, arguments, workingDirectory);
        Assert.True(code == 0, $"{program} {string.Join(' ', arguments)} exited with {code}: {stderr}");
        return stdout;
    }

    private static bool TryRun(string program, IEnumerable<string> arguments)
    {
        try
        {
            return Execute(program, arguments, null).Code == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static (int Code, string Stdout, string Stderr) Execute(string program, IEnumerable<string> arguments, string? workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(folder => folder.Length > 0 && File.Exists(Path.Combine(folder, program)));
}
