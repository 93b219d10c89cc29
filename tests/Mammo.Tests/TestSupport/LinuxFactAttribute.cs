using System.Runtime.InteropServices;

namespace Mammo.Tests.TestSupport;

/// <summary>A fact about the Linux build (its native libraries, /proc); skipped with that reason elsewhere.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            Skip = "checks the Linux build's native libraries";
        }
    }
}
