// MSBuild task compiled by RoslynCodeTaskFactory (see TorchSharpNativeFix.targets and docs/torchsharp-native.md).
// It is compiled against netstandard2.0 (what RoslynCodeTaskFactory references), so no Span/BinaryPrimitives,
// no File.Move(..., overwrite) and no File.GetUnixFileMode: the code below sticks to APIs netstandard2.0 has.
//
// What it does: in each given copy of libLibTorchSharp.so (build / publish output, never the NuGet cache), it sets
// VER_FLG_WEAK on the Elf64_Vernaux entry named GLIBCXX_3.4.32 in .gnu.version_r, so that the dynamic loader of a
// system whose libstdc++ stops before that version (Debian 12: GLIBCXX_3.4.30) accepts the library.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Mammo.Build;

public sealed class PatchLibTorchSharpVersionNeed : Task
{
    /// <summary>Copies of libLibTorchSharp.so in an output folder.</summary>
    [Required]
    public ITaskItem[] Files { get; set; }

    /// <summary>The version requirement to make weak.</summary>
    public string VersionName { get; set; } = "GLIBCXX_3.4.32";

    /// <summary>True (Auto mode): only patch when this machine's libstdc++ does not define <see cref="VersionName"/>.</summary>
    public bool OnlyWhenSystemLacksVersion { get; set; } = true;

    /// <summary>Folders that must never be written (the NuGet package cache), separated by ';'.</summary>
    public string ProtectedFolders { get; set; }

    /// <summary>The files that were rewritten by this run.</summary>
    [Output]
    public ITaskItem[] PatchedFiles { get; set; }

    // Symbols that GCC 13 binds to GLIBCXX_3.4.32 and that no relocation of libLibTorchSharp.so uses.
    private static readonly HashSet<string> s_knownHarmlessSymbols = new HashSet<string>(StringComparer.Ordinal)
    {
        "_ZSt21ios_base_library_initv",
    };

    private static readonly object s_cacheLock = new object();
    private static string s_cachedLibStdCxxKey;
    private static bool s_cachedLibStdCxxHasVersion;

    public override bool Execute()
    {
        var patched = new List<ITaskItem>();
        PatchedFiles = patched.ToArray();
        if (Files == null || Files.Length == 0)
        {
            return true;
        }

        if (OnlyWhenSystemLacksVersion)
        {
            string libStdCxx = FindSystemLibStdCxx();
            if (libStdCxx == null)
            {
                Log.LogMessage(MessageImportance.Normal,
                    "TorchSharpNativeFix: no libstdc++.so.6 found on this machine; patching anyway (a weak version requirement is harmless where the version exists).");
            }
            else if (SystemLibraryDefinesVersion(libStdCxx, VersionName))
            {
                Log.LogMessage(MessageImportance.Low,
                    "TorchSharpNativeFix: {0} defines {1}; libLibTorchSharp.so loads as shipped, nothing to do.", libStdCxx, VersionName);
                return true;
            }
            else
            {
                Log.LogMessage(MessageImportance.Low,
                    "TorchSharpNativeFix: {0} does not define {1}; checking libLibTorchSharp.so copies.", libStdCxx, VersionName);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ITaskItem item in Files)
        {
            string path = Path.GetFullPath(item.ItemSpec);
            if (!seen.Add(path) || !File.Exists(path))
            {
                continue;
            }

            string protectedFolder = FindProtectedFolder(path);
            if (protectedFolder != null)
            {
                Log.LogError("TorchSharpNativeFix: refusing to modify '{0}': it is inside the package folder '{1}'. Only copies in build or publish output are patched.", path, protectedFolder);
                return false;
            }

            try
            {
                if (PatchFile(path))
                {
                    patched.Add(new TaskItem(path));
                }
            }
            catch (ElfFormatException ex)
            {
                Log.LogError("TorchSharpNativeFix: '{0}' is not the ELF64 little-endian shared library expected: {1}", path, ex.Message);
                return false;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                Log.LogError("TorchSharpNativeFix: could not patch '{0}': {1}", path, ex.Message);
                return false;
            }
        }

        PatchedFiles = patched.ToArray();
        return !Log.HasLoggedErrors;
    }

    /// <summary>Returns true when the file was rewritten, false when there was nothing to do.</summary>
    private bool PatchFile(string path)
    {
        byte[] data = File.ReadAllBytes(path);
        ElfImage elf = ElfImage.Parse(data);
        List<VersionNeed> needs = elf.ReadVersionNeeds();
        VersionNeed target = null;
        foreach (VersionNeed need in needs)
        {
            if (need.Name == VersionName)
            {
                target = need;
                break;
            }
        }

        if (target == null)
        {
            Log.LogMessage(MessageImportance.Low, "TorchSharpNativeFix: {0} does not require {1}; nothing to patch.", path, VersionName);
            return false;
        }

        if ((target.Flags & VersionNeed.VerFlgWeak) != 0)
        {
            Log.LogMessage(MessageImportance.Low, "TorchSharpNativeFix: {0} already has {1} marked weak; nothing to do.", path, VersionName);
            return false;
        }

        List<string> bound = elf.ReadSymbolsBoundToVersion(target.VersionIndex);
        var unexpected = new List<string>();
        foreach (string symbol in bound)
        {
            if (!s_knownHarmlessSymbols.Contains(symbol))
            {
                unexpected.Add(symbol);
            }
        }

        ushort newFlags = (ushort)(target.Flags | VersionNeed.VerFlgWeak);
        WritePatchedCopy(path, target.FlagsOffset, newFlags);

        // Formatted here: MSBuild turns message arguments into strings when it forwards them from a worker node,
        // which would drop the hex format specifiers.
        Log.LogMessage(MessageImportance.Normal, string.Format(
            CultureInfo.InvariantCulture,
            "TorchSharpNativeFix: patched {0}: marked the {1} requirement (from {2}) weak (vna_flags 0x{3:x} -> 0x{4:x} at file offset 0x{5:x}); symbols bound to it: {6}.",
            path, VersionName, target.File, target.Flags, newFlags, target.FlagsOffset,
            bound.Count == 0 ? "none" : string.Join(", ", bound)));
        if (unexpected.Count > 0)
        {
            Log.LogWarning(
                "TorchSharpNativeFix: {0} binds symbols other than the known-harmless one to {1}: {2}. The library will load, but calling those symbols fails at run time on a libstdc++ without {1}. See docs/torchsharp-native.md.",
                path, VersionName, string.Join(", ", unexpected));
        }

        return true;
    }

    /// <summary>
    /// Writes the patched library to a temporary file next to <paramref name="path"/> and renames it over the original:
    /// the original inode is never written, so a hard link into the package cache is broken rather than modified.
    /// The temporary file is a copy (File.Copy keeps the Unix permissions) with the two flag bytes rewritten,
    /// and it keeps the original's last-write time so MSBuild's Copy (SkipUnchangedFiles: same size and time)
    /// and publish's PreserveNewest see the output as up to date and do not bring back the unpatched bytes.
    /// </summary>
    private static void WritePatchedCopy(string path, long flagsOffset, ushort newFlags)
    {
        string directory = Path.GetDirectoryName(path);
        string temp = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        DateTime lastWriteUtc = File.GetLastWriteTimeUtc(path);
        try
        {
            File.Copy(path, temp, false);
            using (var stream = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                stream.Position = flagsOffset;
                stream.WriteByte((byte)(newFlags & 0xff));
                stream.WriteByte((byte)(newFlags >> 8));
            }

            // Re-read and check before replacing the original.
            byte[] check = File.ReadAllBytes(temp);
            if (ElfImage.ReadU16(check, flagsOffset) != newFlags)
            {
                throw new IOException("the patched temporary copy did not read back as written");
            }

            File.SetLastWriteTimeUtc(temp, lastWriteUtc);

            // On Unix File.Replace without a backup is rename(2): atomic, and the target's directory entry is
            // replaced (a hard or symbolic link at 'path' is replaced, its target is not written).
            // netstandard2.0 has no File.Move(source, destination, overwrite); this is the same operation.
            File.Replace(temp, path, null);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private string FindProtectedFolder(string path)
    {
        if (string.IsNullOrEmpty(ProtectedFolders))
        {
            return null;
        }

        foreach (string raw in ProtectedFolders.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            string folder = raw.Trim();
            if (folder.Length == 0)
            {
                continue;
            }

            folder = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if (path.StartsWith(folder, StringComparison.Ordinal))
            {
                return folder;
            }
        }

        return null;
    }

    /// <summary>The libstdc++.so.6 the dynamic loader would use: ldconfig's cache first, then the usual folders.</summary>
    private static string FindSystemLibStdCxx()
    {
        string fromCache = FindLibStdCxxWithLdconfig();
        if (fromCache != null)
        {
            return fromCache;
        }

        string triplet = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
        string[] candidates =
        {
            "/usr/lib/" + triplet + "/libstdc++.so.6",
            "/lib/" + triplet + "/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6",
            "/lib64/libstdc++.so.6",
            "/usr/lib/libstdc++.so.6",
            "/lib/libstdc++.so.6",
        };
        foreach (string candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string FindLibStdCxxWithLdconfig()
    {
        string ldconfig = null;
        foreach (string candidate in new[] { "/sbin/ldconfig", "/usr/sbin/ldconfig", "/usr/bin/ldconfig", "/bin/ldconfig" })
        {
            if (File.Exists(candidate))
            {
                ldconfig = candidate;
                break;
            }
        }

        if (ldconfig == null)
        {
            return null;
        }

        string output;
        try
        {
            var start = new ProcessStartInfo(ldconfig, "-p")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                CreateNoWindow = true,
            };
            using (Process process = Process.Start(start))
            {
                if (process == null)
                {
                    return null;
                }

                process.ErrorDataReceived += (sender, e) => { };
                process.BeginErrorReadLine();
                output = process.StandardOutput.ReadToEnd();
                if (!process.WaitForExit(10000) || process.ExitCode != 0)
                {
                    return null;
                }
            }
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception || ex is InvalidOperationException || ex is IOException)
        {
            return null;
        }

        // Lines look like: "\tlibstdc++.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libstdc++.so.6"
        string wantedAbi;
        switch (RuntimeInformation.OSArchitecture)
        {
            case Architecture.X64: wantedAbi = "x86-64"; break;
            case Architecture.Arm64: wantedAbi = "AArch64"; break;
            default: wantedAbi = null; break;
        }

        foreach (string rawLine in output.Split('\n'))
        {
            string line = rawLine.Trim();
            if (!line.StartsWith("libstdc++.so.6 ", StringComparison.Ordinal))
            {
                continue;
            }

            int arrow = line.IndexOf("=>", StringComparison.Ordinal);
            int open = line.IndexOf('(');
            int close = open < 0 ? -1 : line.IndexOf(')', open);
            if (arrow < 0 || open < 0 || close < 0)
            {
                continue;
            }

            string file = line.Substring(arrow + 2).Trim();
            string abi = line.Substring(open + 1, close - open - 1);
            // On other architectures take the first entry; on x64 / arm64 only the entry for that ABI
            // (an x86-64 system may also list a 32-bit "(libc6)" libstdc++).
            if ((wantedAbi == null || abi.IndexOf(wantedAbi, StringComparison.Ordinal) >= 0) && File.Exists(file))
            {
                return file;
            }
        }

        return null;
    }

    private static bool SystemLibraryDefinesVersion(string libStdCxx, string versionName)
    {
        var info = new FileInfo(libStdCxx);
        string key = Path.GetFullPath(libStdCxx) + "|" + info.Length + "|" + info.LastWriteTimeUtc.Ticks + "|" + versionName;
        lock (s_cacheLock)
        {
            if (s_cachedLibStdCxxKey == key)
            {
                return s_cachedLibStdCxxHasVersion;
            }
        }

        // Version names are NUL-terminated strings in the library's dynamic string table.
        byte[] needle = Encoding.ASCII.GetBytes(versionName + "\0");
        byte[] haystack = File.ReadAllBytes(libStdCxx);
        bool found = IndexOf(haystack, needle) >= 0;
        lock (s_cacheLock)
        {
            s_cachedLibStdCxxKey = key;
            s_cachedLibStdCxxHasVersion = found;
        }

        return found;
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        int last = haystack.Length - needle.Length;
        for (int i = 0; i <= last; i++)
        {
            if (haystack[i] != needle[0])
            {
                continue;
            }

            int j = 1;
            while (j < needle.Length && haystack[i + j] == needle[j])
            {
                j++;
            }

            if (j == needle.Length)
            {
                return i;
            }
        }

        return -1;
    }
}

internal sealed class ElfFormatException : Exception
{
    public ElfFormatException(string message) : base(message)
    {
    }
}

/// <summary>One Elf64_Vernaux entry of .gnu.version_r.</summary>
internal sealed class VersionNeed
{
    public const ushort VerFlgWeak = 0x2;

    public string File { get; set; }
    public string Name { get; set; }
    public ushort Flags { get; set; }
    public ushort VersionIndex { get; set; }
    public long FlagsOffset { get; set; }
}

/// <summary>Just enough of an ELF64 little-endian reader: section headers, .gnu.version_r, .gnu.version, .dynsym.</summary>
internal sealed class ElfImage
{
    private const uint ShtStrtab = 3;
    private const uint ShtDynsym = 11;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVersym = 0x6fffffff;
    private const int SectionHeaderSize = 64;
    private const int VerneedSize = 16;
    private const int VernauxSize = 16;
    private const int SymbolSize = 24;

    private readonly byte[] _data;
    private readonly Section[] _sections;

    private ElfImage(byte[] data, Section[] sections)
    {
        _data = data;
        _sections = sections;
    }

    private sealed class Section
    {
        public uint NameOffset;
        public string Name = string.Empty;
        public uint Type;
        public long Offset;
        public long Size;
        public uint Link;
        public uint Info;
        public long EntrySize;
    }

    public static ElfImage Parse(byte[] data)
    {
        if (data.Length < 64 || data[0] != 0x7f || data[1] != (byte)'E' || data[2] != (byte)'L' || data[3] != (byte)'F')
        {
            throw new ElfFormatException("no ELF magic (\\x7fELF) at the start of the file");
        }

        if (data[4] != 2)
        {
            throw new ElfFormatException("EI_CLASS is " + data[4] + ", expected 2 (ELFCLASS64)");
        }

        if (data[5] != 1)
        {
            throw new ElfFormatException("EI_DATA is " + data[5] + ", expected 1 (ELFDATA2LSB, little-endian)");
        }

        ulong shoff = ReadU64(data, 0x28);
        ushort shentsize = ReadU16(data, 0x3A);
        long shnum = ReadU16(data, 0x3C);
        long shstrndx = ReadU16(data, 0x3E);
        if (shoff == 0)
        {
            throw new ElfFormatException("the file has no section header table");
        }

        if (shentsize != SectionHeaderSize)
        {
            throw new ElfFormatException("e_shentsize is " + shentsize + ", expected " + SectionHeaderSize);
        }

        CheckRange(data, (long)Math.Min(shoff, long.MaxValue), SectionHeaderSize, "section header 0");
        if (shnum == 0)
        {
            // Extended numbering: the real count is in sh_size of section 0.
            shnum = (long)ReadU64(data, (long)shoff + 32);
        }

        if (shstrndx == 0xffff)
        {
            // SHN_XINDEX: the real index is in sh_link of section 0.
            shstrndx = ReadU32(data, (long)shoff + 40);
        }

        if (shnum <= 0 || shnum > (data.Length - (long)shoff) / SectionHeaderSize)
        {
            throw new ElfFormatException("section header table (" + shnum + " entries at 0x" + shoff.ToString("x") + ") does not fit in the file");
        }

        var sections = new Section[shnum];
        for (long i = 0; i < shnum; i++)
        {
            long header = (long)shoff + (i * SectionHeaderSize);
            var section = new Section
            {
                NameOffset = ReadU32(data, header),
                Type = ReadU32(data, header + 4),
                Offset = ToLong(ReadU64(data, header + 24), "sh_offset"),
                Size = ToLong(ReadU64(data, header + 32), "sh_size"),
                Link = ReadU32(data, header + 40),
                Info = ReadU32(data, header + 44),
                EntrySize = ToLong(ReadU64(data, header + 56), "sh_entsize"),
            };
            sections[i] = section;
        }

        if (shstrndx > 0 && shstrndx < shnum)
        {
            Section names = sections[shstrndx];
            foreach (Section section in sections)
            {
                section.Name = ReadString(data, names, section.NameOffset);
            }
        }

        return new ElfImage(data, sections);
    }

    /// <summary>All Elf64_Vernaux entries of the version-needs section; empty when the file has none.</summary>
    public List<VersionNeed> ReadVersionNeeds()
    {
        var result = new List<VersionNeed>();
        Section verneed = FindVersionNeedSection();
        if (verneed == null)
        {
            return result;
        }

        CheckRange(_data, verneed.Offset, verneed.Size, verneed.Name);
        Section strings = LinkedSection(verneed, ShtStrtab, "string table of " + verneed.Name);
        long end = verneed.Offset + verneed.Size;
        long maxEntries = verneed.Size / VernauxSize;
        long visited = 0;
        long needOffset = verneed.Offset;
        uint needCount = verneed.Info; // DT_VERNEEDNUM; 0 means "follow vn_next until it is 0"
        for (uint n = 0; needCount == 0 || n < needCount; n++)
        {
            if (needOffset + VerneedSize > end || ++visited > maxEntries)
            {
                throw new ElfFormatException("Elf64_Verneed entry at 0x" + needOffset.ToString("x") + " runs past " + verneed.Name);
            }

            ushort version = ReadU16(_data, needOffset);
            if (version != 1)
            {
                throw new ElfFormatException("Elf64_Verneed at 0x" + needOffset.ToString("x") + " has vn_version " + version + ", expected 1");
            }

            ushort auxCount = ReadU16(_data, needOffset + 2);
            string file = ReadString(_data, strings, ReadU32(_data, needOffset + 4));
            uint auxFirst = ReadU32(_data, needOffset + 8);
            uint next = ReadU32(_data, needOffset + 12);
            long auxOffset = needOffset + auxFirst;
            for (int a = 0; a < auxCount; a++)
            {
                if (auxOffset + VernauxSize > end || ++visited > maxEntries)
                {
                    throw new ElfFormatException("Elf64_Vernaux entry at 0x" + auxOffset.ToString("x") + " runs past " + verneed.Name);
                }

                result.Add(new VersionNeed
                {
                    File = file,
                    Flags = ReadU16(_data, auxOffset + 4),
                    VersionIndex = ReadU16(_data, auxOffset + 6),
                    Name = ReadString(_data, strings, ReadU32(_data, auxOffset + 8)),
                    FlagsOffset = auxOffset + 4,
                });
                uint auxNext = ReadU32(_data, auxOffset + 12);
                if (auxNext == 0)
                {
                    break;
                }

                auxOffset += auxNext;
            }

            if (next == 0)
            {
                break;
            }

            needOffset += next;
        }

        return result;
    }

    /// <summary>Names of the dynamic symbols whose .gnu.version entry is <paramref name="versionIndex"/>.</summary>
    public List<string> ReadSymbolsBoundToVersion(ushort versionIndex)
    {
        var result = new List<string>();
        Section versym = null;
        foreach (Section section in _sections)
        {
            if (section.Type == ShtGnuVersym)
            {
                versym = section;
                break;
            }
        }

        if (versym == null)
        {
            return result;
        }

        Section dynsym = LinkedSection(versym, ShtDynsym, "symbol table of " + versym.Name);
        Section dynstr = LinkedSection(dynsym, ShtStrtab, "string table of " + dynsym.Name);
        CheckRange(_data, versym.Offset, versym.Size, versym.Name);
        CheckRange(_data, dynsym.Offset, dynsym.Size, dynsym.Name);
        long count = Math.Min(versym.Size / 2, dynsym.Size / SymbolSize);
        for (long i = 0; i < count; i++)
        {
            ushort index = (ushort)(ReadU16(_data, versym.Offset + (i * 2)) & 0x7fff);
            if (index == versionIndex)
            {
                result.Add(ReadString(_data, dynstr, ReadU32(_data, dynsym.Offset + (i * SymbolSize))));
            }
        }

        return result;
    }

    private Section FindVersionNeedSection()
    {
        Section byType = null;
        foreach (Section section in _sections)
        {
            if (section.Type != ShtGnuVerneed)
            {
                continue;
            }

            if (section.Name == ".gnu.version_r")
            {
                return section;
            }

            byType = byType ?? section;
        }

        return byType;
    }

    private Section LinkedSection(Section section, uint expectedType, string what)
    {
        if (section.Link == 0 || section.Link >= _sections.Length)
        {
            throw new ElfFormatException(what + ": sh_link " + section.Link + " is not a valid section index");
        }

        Section linked = _sections[section.Link];
        if (linked.Type != expectedType)
        {
            throw new ElfFormatException(what + ": section " + section.Link + " has type 0x" + linked.Type.ToString("x") + ", expected 0x" + expectedType.ToString("x"));
        }

        return linked;
    }

    private static string ReadString(byte[] data, Section table, uint offset)
    {
        if (offset >= table.Size)
        {
            throw new ElfFormatException("string offset " + offset + " is outside its string table (" + table.Size + " bytes)");
        }

        CheckRange(data, table.Offset, table.Size, "string table");
        long start = table.Offset + offset;
        long end = table.Offset + table.Size;
        long stop = start;
        while (stop < end && data[stop] != 0)
        {
            stop++;
        }

        if (stop == end)
        {
            throw new ElfFormatException("unterminated string at 0x" + start.ToString("x"));
        }

        return Encoding.ASCII.GetString(data, (int)start, (int)(stop - start));
    }

    private static void CheckRange(byte[] data, long offset, long size, string what)
    {
        if (offset < 0 || size < 0 || offset > data.Length || size > data.Length - offset)
        {
            throw new ElfFormatException(what + " (offset 0x" + offset.ToString("x") + ", " + size + " bytes) lies outside the file (" + data.Length + " bytes)");
        }
    }

    private static long ToLong(ulong value, string what)
    {
        if (value > long.MaxValue)
        {
            throw new ElfFormatException(what + " 0x" + value.ToString("x") + " is out of range");
        }

        return (long)value;
    }

    public static ushort ReadU16(byte[] data, long offset)
    {
        CheckRange(data, offset, 2, "u16");
        return (ushort)(data[offset] | (data[offset + 1] << 8));
    }

    public static uint ReadU32(byte[] data, long offset)
    {
        CheckRange(data, offset, 4, "u32");
        return data[offset] | ((uint)data[offset + 1] << 8) | ((uint)data[offset + 2] << 16) | ((uint)data[offset + 3] << 24);
    }

    public static ulong ReadU64(byte[] data, long offset)
    {
        CheckRange(data, offset, 8, "u64");
        return ReadU32(data, offset) | ((ulong)ReadU32(data, offset + 4) << 32);
    }
}
