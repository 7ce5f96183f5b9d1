import PortalCore

print("portal")
