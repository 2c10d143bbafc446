using System.Reflection;
using Mpi.Matching.Normalization;

namespace Mpi.Tests.Matching.Normalization;

/// <summary>Pins the public surface of the normalisers so that a change to it is a deliberate one.</summary>
public class NormalizationPublicApiTests
{
    private static readonly string[] Expected =
    [
        "AddressNormalizer.const MaxCityLength : Int32",
        "AddressNormalizer.const MaxLineLength : Int32",
        "AddressNormalizer.const MaxStateLength : Int32",
        "AddressNormalizer.static Abbreviations : FrozenDictionary<String, String>",
        "AddressNormalizer.static City(String) : FieldResult",
        "AddressNormalizer.static CityAbbreviations : FrozenDictionary<String, String>",
        "AddressNormalizer.static Line(String) : FieldResult",
        "AddressNormalizer.static State(String) : FieldResult",
        "BirthDate.CompareTo(BirthDate) : Int32",
        "BirthDate.Day : Int32",
        "BirthDate.IsValid : Boolean",
        "BirthDate.Month : Int32",
        "BirthDate.Year : Int32",
        "BirthDate.ctor(Int32, Int32, Int32)",
        "BirthDate.static TryParseNormalized(String, out BirthDate) : Boolean",
        "BirthDateNormalizer.const EarliestYear : Int32",
        "BirthDateNormalizer.static Normalize(String, DateOnly) : FieldResult",
        "EmailNormalizer.const MaxLength : Int32",
        "EmailNormalizer.static Normalize(String) : FieldResult",
        "FieldReceipt.Field : String",
        "FieldReceipt.Outcome : FieldOutcome",
        "FieldReceipt.Reason : String",
        "FieldReceipt.Received : String",
        "FieldReceipt.Stored : String",
        "FieldReceipt.ctor(String, String, String, FieldOutcome, String)",
        "FieldResult.HasValue : Boolean",
        "FieldResult.Outcome : FieldOutcome",
        "FieldResult.Reason : String",
        "FieldResult.Value : String",
        "FieldResult.ctor(String, FieldOutcome, String)",
        "FieldResult.static Missing : FieldResult",
        "FieldResult.static Of(String, String) : FieldResult",
        "FieldResult.static SetAside(String) : FieldResult",
        "IdentifierNormalizer.const MaxLocalIdLength : Int32",
        "IdentifierNormalizer.const MaxNationalIdLength : Int32",
        "IdentifierNormalizer.const MinNationalIdLength : Int32",
        "IdentifierNormalizer.static LocalId(String) : FieldResult",
        "IdentifierNormalizer.static NationalId(String) : FieldResult",
        "NameNormalizer.const MaxLength : Int32",
        "NameNormalizer.static Family(String) : FieldResult",
        "NameNormalizer.static Family(String, out String) : FieldResult",
        "NameNormalizer.static FamilyNameParts(String) : ImmutableArray<String>",
        "NameNormalizer.static Given(String) : FieldResult",
        "NameNormalizer.static Given(String, out String) : FieldResult",
        "NameNormalizer.static Middle(String) : FieldResult",
        "NameNormalizer.static Middle(String, out String) : FieldResult",
        "NormalizationResult.Receipts : ImmutableArray<FieldReceipt>",
        "NormalizationResult.Record : NormalizedRecord",
        "NormalizationResult.ctor(NormalizedRecord, ImmutableArray<FieldReceipt>)",
        "PhoneNormalizer.const MaxDigits : Int32",
        "PhoneNormalizer.const MinDigits : Int32",
        "PhoneNormalizer.static Normalize(String) : FieldResult",
        "Placeholders.static Addresses : FrozenSet<String>",
        "Placeholders.static BirthDates : FrozenSet<BirthDate>",
        "Placeholders.static EmailAddresses : FrozenSet<String>",
        "Placeholders.static EmailDomains : FrozenSet<String>",
        "Placeholders.static EmailLocalParts : FrozenSet<String>",
        "Placeholders.static FamilyNames : FrozenSet<String>",
        "Placeholders.static GivenNames : FrozenSet<String>",
        "Placeholders.static IsPlaceholderAddress(String) : Boolean",
        "Placeholders.static IsPlaceholderBirthDate(BirthDate) : Boolean",
        "Placeholders.static IsPlaceholderEmail(String) : Boolean",
        "Placeholders.static IsPlaceholderFamilyName(String) : Boolean",
        "Placeholders.static IsPlaceholderGivenName(String) : Boolean",
        "Placeholders.static IsPlaceholderIdentifier(String) : Boolean",
        "Placeholders.static IsPlaceholderPhone(String) : Boolean",
        "Placeholders.static IsPlaceholderPostalCode(String) : Boolean",
        "Placeholders.static Names : FrozenSet<String>",
        "Placeholders.static NationalIds : FrozenSet<String>",
        "Placeholders.static NewbornWords : FrozenSet<String>",
        "Placeholders.static PostalCodes : FrozenSet<String>",
        "Placeholders.static ReservedTopLevelDomains : FrozenSet<String>",
        "PostalCodeNormalizer.const MaxLength : Int32",
        "PostalCodeNormalizer.const MinLength : Int32",
        "PostalCodeNormalizer.static Normalize(String) : FieldResult",
        "RecordNormalizer.Normalize(PatientRecord, ReceiptDetail) : NormalizationResult",
        "RecordNormalizer.ctor(TimeProvider, NicknameTable)",
        "SexCodeNormalizer.static IsInformative(String) : Boolean",
        "SexCodeNormalizer.static Normalize(String) : FieldResult",
        "SuffixNormalizer.static All : IReadOnlyList<String>",
        "SuffixNormalizer.static Normalize(String) : FieldResult",
        "TextCleaner.static Clean(String) : String",
        "TextCleaner.static Normalize(String, Int32) : FieldResult",
        "TypedIdentifierNormalizer.const MaxAuthorityLength : Int32",
        "TypedIdentifierNormalizer.const MaxTypeLength : Int32",
        "TypedIdentifierNormalizer.const MaxValueLength : Int32",
        "TypedIdentifierNormalizer.static IsReceiptField(String) : Boolean",
        "TypedIdentifierNormalizer.static Joined(String, String, String) : String",
        "TypedIdentifierNormalizer.static Normalize(RecordIdentifier) : FieldResult",
        "TypedIdentifierNormalizer.static Parts(String) : RecordIdentifier",
        "TypedIdentifierNormalizer.static ReceiptField(Int32) : String",
        "TypedIdentifierNormalizer.static Received(RecordIdentifier) : String",
        "class FieldReceipt",
        "class NormalizationResult",
        "class RecordNormalizer",
        "enum FieldOutcome { Missing, Accepted, Normalized, SetAside }",
        "enum ReceiptDetail { EveryField, SetAsideOnly }",
        "static class AddressNormalizer",
        "static class BirthDateNormalizer",
        "static class EmailNormalizer",
        "static class IdentifierNormalizer",
        "static class NameNormalizer",
        "static class PhoneNormalizer",
        "static class Placeholders",
        "static class PostalCodeNormalizer",
        "static class SexCodeNormalizer",
        "static class SuffixNormalizer",
        "static class TextCleaner",
        "static class TypedIdentifierNormalizer",
        "struct BirthDate",
        "struct FieldResult",
    ];

    [Fact]
    public void PublicApi_NormalizationNamespace_Unchanged()
    {
        Assert.Equal(Expected, Describe(typeof(FieldResult).Assembly));
    }

    private static IEnumerable<string> Describe(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(type => type.Namespace == typeof(FieldResult).Namespace)
            .SelectMany(DescribeType)
            .Order(StringComparer.Ordinal);

    private static IEnumerable<string> DescribeType(Type type)
    {
        const BindingFlags declared = BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        if (type.IsEnum)
        {
            return [$"enum {type.Name} {{ {string.Join(", ", Enum.GetNames(type))} }}"];
        }

        var members = type.GetMembers(declared)
            .Where(member => member is not MethodInfo { IsSpecialName: true } && !IsRecordPlumbing(member))
            .Select(member => $"{type.Name}.{DescribeMember(member)}");
        return members.Prepend($"{Kind(type)} {type.Name}");
    }

    private static bool IsRecordPlumbing(MemberInfo member) =>
        member.Name is "Equals" or "GetHashCode" or "Deconstruct" or "ToString" or "PrintMembers" or "<Clone>$"
        || member is Type;

    private static string Kind(Type type) =>
        type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";

    private static string DescribeMember(MemberInfo member) => member switch
    {
        ConstructorInfo ctor => $"ctor({Parameters(ctor)})",
        MethodInfo method => $"{(method.IsStatic ? "static " : "")}{method.Name}({Parameters(method)}) : {Name(method.ReturnType)}",
        PropertyInfo property => $"{(property.GetMethod!.IsStatic ? "static " : "")}{property.Name} : {Name(property.PropertyType)}",
        FieldInfo field => $"{(field.IsLiteral ? "const " : field.IsStatic ? "static " : "")}{field.Name} : {Name(field.FieldType)}",
        _ => member.Name,
    };

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => $"{(p.IsOut ? "out " : "")}{Name(p.ParameterType)}"));

    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!);
        }

        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return Name(underlying) + "?";
        }

        return type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
            : type.Name;
    }
}
