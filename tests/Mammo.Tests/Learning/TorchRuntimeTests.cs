using System.Text;
using Mammo.Tests.TestSupport;
using TorchSharp;
using static TorchSharp.torch;

namespace Mammo.Tests.Learning;

/// <summary>
/// Proves that TorchSharp's native part really loads and computes in the test output (on Debian 12 this depends on
/// the build's libLibTorchSharp.so fix, see docs/torchsharp-native.md), and checks that fix from the outside.
/// </summary>
[Collection(TorchGlobalState.Name)]
public class TorchRuntimeTests
{
    private const string GlibcxxVersion = "GLIBCXX_3.4.32";

    [Fact]
    public void Tensor_arithmetic_gives_exact_values()
    {
        using var scope = NewDisposeScope();
        var a = torch.tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2);
        var b = torch.tensor(new float[] { 10, 20, 30, 40 }).reshape(2, 2);

        Assert.Equal(new float[] { 11, 22, 33, 44 }, (a + b).data<float>().ToArray());
        Assert.Equal(new float[] { 10, 40, 90, 160 }, (a * b).data<float>().ToArray());
        // [[1,2],[3,4]] @ [[10,20],[30,40]] = [[70,100],[150,220]]
        Assert.Equal(new float[] { 70, 100, 150, 220 }, a.matmul(b).data<float>().ToArray());
        Assert.Equal(10f, a.sum().item<float>());
        Assert.Equal(new long[] { 2, 2 }, a.shape);
    }

    [Fact]
    public void A_tiny_network_learns_a_fixed_seeded_problem()
    {
        // Modules first, outside the dispose scope: their parameters must outlive it.
        using var first = nn.Linear(2, 8);
        using var second = nn.Linear(8, 2);
        using var generator = new torch.Generator(1234);
        using var scope = NewDisposeScope();

        // 128 points in 2-D, class 1 when x + y > 0: linearly separable, so a few Adam steps must help.
        var x = torch.randn(128, 2, generator: generator);
        var y = (x.select(1, 0) + x.select(1, 1)).gt(0).to_type(ScalarType.Int64);
        using (torch.no_grad())
        {
            // Tensor.uniform_ honours the generator (TorchSharp 0.107's nn.init.uniform_ ignores it).
            first.weight!.uniform_(-0.5, 0.5, generator);
            first.bias!.zero_();
            second.weight!.uniform_(-0.5, 0.5, generator);
            second.bias!.zero_();
        }

        var parameters = first.parameters().Concat(second.parameters()).ToList();
        var before = parameters.Select(p => p.detach().clone()).ToList();
        using var optimizer = torch.optim.Adam(parameters, lr: 0.05);

        Tensor Loss() => nn.functional.cross_entropy(second.call(nn.functional.tanh(first.call(x))), y);

        float initialLoss;
        using (torch.no_grad())
        {
            initialLoss = Loss().item<float>();
        }

        for (var step = 0; step < 30; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = Loss();
            loss.backward();
            optimizer.step();
        }

        float finalLoss;
        float accuracy;
        using (torch.no_grad())
        {
            var logits = second.call(nn.functional.tanh(first.call(x)));
            finalLoss = nn.functional.cross_entropy(logits, y).item<float>();
            accuracy = logits.argmax(1).eq(y).to_type(ScalarType.Float32).mean().item<float>();
        }

        Assert.True(initialLoss > 0.5f, $"initial loss {initialLoss} should be near ln 2");
        Assert.True(finalLoss < initialLoss * 0.5f, $"loss went from {initialLoss} to {finalLoss}");
        Assert.True(accuracy > 0.9f, $"training accuracy {accuracy}");
        for (var i = 0; i < parameters.Count; i++)
        {
            Assert.False(parameters[i].detach().eq(before[i]).all().item<bool>(), $"parameter {i} did not change");
            Assert.True(parameters[i].grad is not null, $"parameter {i} has no gradient");
        }
    }

    /// <summary>
    /// Independent check of the build fix: the libLibTorchSharp.so this process actually mapped comes from the test
    /// output (not the package cache), and so do libtorch's own libraries (not a system PyTorch's).
    /// </summary>
    [LinuxFact]
    public void Loaded_native_glue_and_libtorch_are_the_output_copies()
    {
        var (glue, _) = LoadedGlue();

        var outputFolder = Path.GetFullPath(AppContext.BaseDirectory);
        Assert.StartsWith(outputFolder, glue, StringComparison.Ordinal);
        var maps = File.ReadAllLines("/proc/self/maps");
        Assert.StartsWith(outputFolder, MappedPath(maps, "libtorch_cpu.so"), StringComparison.Ordinal);
        Assert.StartsWith(outputFolder, MappedPath(maps, "libc10.so"), StringComparison.Ordinal);
    }

    /// <summary>Where the system libstdc++ lacks GLIBCXX_3.4.32, the glue loaded only because the build made that requirement weak.</summary>
    [OldLibStdCxxFact(GlibcxxVersion)]
    public void The_glue_requirement_of_the_missing_libstdcxx_version_is_weak()
    {
        var (glue, _) = LoadedGlue();

        var (flags, flagsOffset) = MiniElf.VersionNeedFlags(File.ReadAllBytes(glue), GlibcxxVersion);

        Assert.True(flagsOffset >= 0, $"{glue} does not require {GlibcxxVersion}: the fix has nothing to do");
        Assert.True((flags & 0x2) != 0, $"{glue} loaded although {OldLibStdCxxFactAttribute.SystemLibrary} lacks {GlibcxxVersion}, so its requirement must be weak (flags 0x{flags:x})");
    }

    /// <summary>The build changed the package's glue in the two vna_flags bytes of that requirement and nowhere else.</summary>
    [LinuxFact]
    public void The_output_glue_differs_from_the_package_copy_in_at_most_the_version_flags()
    {
        var (glue, _) = LoadedGlue();
        var packageCopy = PackageCopy(typeof(torch).Assembly.GetName().Version);
        Assert.True(packageCopy is not null, "the TorchSharp package's libLibTorchSharp.so is not in the NuGet cache (restore first)");

        var glueBytes = File.ReadAllBytes(glue);
        var (_, flagsOffset) = MiniElf.VersionNeedFlags(glueBytes, GlibcxxVersion);
        var packageBytes = File.ReadAllBytes(packageCopy!);
        Assert.Equal(packageBytes.Length, glueBytes.Length);
        var differences = Enumerable.Range(0, glueBytes.Length).Where(i => glueBytes[i] != packageBytes[i]).ToList();
        Assert.All(differences, i => Assert.True(flagsOffset >= 0 && i >= flagsOffset && i <= flagsOffset + 1, $"byte 0x{i:x} differs from the package copy"));
    }

    // Computes once so that libtorch is surely mapped, then finds the glue and libstdc++ this process loaded.
    private static (string Glue, string LibStdCxx) LoadedGlue()
    {
        using (var t = torch.ones(1))
        {
            Assert.Equal(1f, t.item<float>());
        }

        var maps = File.ReadAllLines("/proc/self/maps");
        var glue = MappedPath(maps, "libLibTorchSharp.so");
        var libStdCxx = MappedPath(maps, "libstdc++.so.6");
        Assert.NotNull(glue);
        Assert.NotNull(libStdCxx);
        return (glue, libStdCxx);
    }

    /// <summary>The first mapped file named <paramref name="fileName"/> or <c>fileName.*</c> (e.g. libstdc++.so.6.0.30).</summary>
    private static string? MappedPath(string[] maps, string fileName) =>
        maps.Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length >= 6)
            .Select(parts => string.Join(' ', parts.Skip(5)))
            .FirstOrDefault(path =>
            {
                var name = Path.GetFileName(path);
                return name == fileName || name.StartsWith(fileName + ".", StringComparison.Ordinal);
            });

    private static string? PackageCopy(Version? version)
    {
        if (version is null)
        {
            return null;
        }

        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        var path = Path.Combine(root, "torchsharp", $"{version.Major}.{version.Minor}.{version.Build}", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        return File.Exists(path) ? path : null;
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>A deliberately separate, minimal ELF64 reader (not the build's), to check the build's result.</summary>
    private static class MiniElf
    {
        /// <summary>vna_flags of the requirement named <paramref name="versionName"/> and their file offset (-1: none).</summary>
        public static (ushort Flags, int Offset) VersionNeedFlags(byte[] elf, string versionName)
        {
            Assert.True(elf.Length > 64 && elf[0] == 0x7f && elf[1] == 'E' && elf[2] == 'L' && elf[3] == 'F', "not ELF");
            Assert.Equal(2, elf[4]); // ELFCLASS64
            Assert.Equal(1, elf[5]); // little-endian
            var shoff = (int)BitConverter.ToUInt64(elf, 0x28);
            int shnum = BitConverter.ToUInt16(elf, 0x3C);
            for (var i = 0; i < shnum; i++)
            {
                var header = shoff + (i * 64);
                if (BitConverter.ToUInt32(elf, header + 4) != 0x6ffffffe)
                {
                    continue; // not SHT_GNU_verneed
                }

                var offset = (int)BitConverter.ToUInt64(elf, header + 24);
                var count = BitConverter.ToUInt32(elf, header + 44);
                var link = (int)BitConverter.ToUInt32(elf, header + 40);
                var strings = (int)BitConverter.ToUInt64(elf, shoff + (link * 64) + 24);
                var need = offset;
                for (var n = 0; n < count; n++)
                {
                    var aux = need + (int)BitConverter.ToUInt32(elf, need + 8);
                    for (var a = 0; a < BitConverter.ToUInt16(elf, need + 2); a++)
                    {
                        var nameStart = strings + (int)BitConverter.ToUInt32(elf, aux + 8);
                        var nameEnd = Array.IndexOf(elf, (byte)0, nameStart);
                        if (Encoding.ASCII.GetString(elf, nameStart, nameEnd - nameStart) == versionName)
                        {
                            return (BitConverter.ToUInt16(elf, aux + 4), aux + 4);
                        }

                        aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                    }

                    need += (int)BitConverter.ToUInt32(elf, need + 12);
                }
            }

            return (0, -1); // a TorchSharp that does not ask for that version: nothing to check or patch
        }
    }
}
