using System.Diagnostics;

namespace Mammo.Tests.TestSupport;

/// <summary>
/// A fact that mounts a small tmpfs (to fill a disk on purpose): it needs root and a kernel that lets this process
/// mount, which a probe mount at discovery checks; skipped with the reason otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TmpfsFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> s_unavailable = new(Probe);

    public TmpfsFactAttribute()
    {
        if (s_unavailable.Value is { } reason)
        {
            Skip = reason;
        }
    }

    /// <summary>Mounts a tmpfs of <paramref name="megabytes"/> MB at <paramref name="folder"/>; true on success.</summary>
    public static bool Mount(string folder, int megabytes) => Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", folder) == 0;

    public static void Unmount(string folder) => Run("umount", folder);

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return "needs root on Linux to mount a tmpfs";
        }

        var folder = Path.Combine(Path.GetTempPath(), "mammo-tmpfs-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            if (!Mount(folder, 1))
            {
                return "mount -t tmpfs is not permitted here";
            }

            Unmount(folder);
            return null;
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    private static int Run(string name, params string[] args)
    {
        var info = new ProcessStartInfo(name) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
