using System.Runtime.InteropServices;
using System.Text;

namespace Mammo.Tests.TestSupport;

/// <summary>
/// A fact about machines whose system libstdc++ lacks a symbol version (Debian 12's lacks GLIBCXX_3.4.32, which
/// TorchSharp's glue asks for); skipped, with that reason, where the system library is newer and has it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OldLibStdCxxFactAttribute : FactAttribute
{
    public const string SystemLibrary = "/usr/lib/x86_64-linux-gnu/libstdc++.so.6";

    public OldLibStdCxxFactAttribute(string version)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || !File.Exists(SystemLibrary))
        {
            Skip = $"needs a Linux system libstdc++ at {SystemLibrary}";
        }
        else if (File.ReadAllBytes(SystemLibrary).AsSpan().IndexOf(Encoding.ASCII.GetBytes(version + "\0")) >= 0)
        {
            Skip = $"{SystemLibrary} has {version}, so the glue's requirement of it need not be weak here";
        }
    }
}
