/// The kind of personal data a finding is: a string newtype, so plugins can add their own.
///
/// Names follow Microsoft Presidio where Presidio has one, so configurations carry across.
public struct EntityType: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: EntityType, rhs: EntityType) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static let person: EntityType = "PERSON"
    public static let location: EntityType = "LOCATION"
    public static let address: EntityType = "ADDRESS"
    public static let organization: EntityType = "ORGANIZATION"
    public static let phoneNumber: EntityType = "PHONE_NUMBER"
    public static let emailAddress: EntityType = "EMAIL_ADDRESS"
    public static let ipAddress: EntityType = "IP_ADDRESS"
    public static let url: EntityType = "URL"
    public static let dateTime: EntityType = "DATE_TIME"
    public static let creditCard: EntityType = "CREDIT_CARD"
    public static let qqNumber: EntityType = "QQ_NUMBER"
    public static let wechatID: EntityType = "WECHAT_ID"
    public static let residentID: EntityType = "CN_RESIDENT_ID"
    public static let bankCard: EntityType = "BANK_CARD"
    public static let licensePlate: EntityType = "CN_LICENSE_PLATE"
    public static let passport: EntityType = "CN_PASSPORT"
    public static let hongKongID: EntityType = "HK_ID"
    public static let taiwanID: EntityType = "TW_ID"
    public static let socialHandle: EntityType = "SOCIAL_HANDLE"
    public static let age: EntityType = "AGE"

    /// A valid entity name: upper-case ASCII letters, digits and underscores, starting with a letter.
    package var isWellFormed: Bool {
        guard let first = rawValue.utf8.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else { return false }
        return rawValue.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
    }
}
