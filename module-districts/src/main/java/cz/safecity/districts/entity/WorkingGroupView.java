package cz.safecity.districts.entity;

import java.time.LocalDate;
import java.util.List;

/**
 * Who answers for a district on a day: {@code GET /api/cities/{city}/districts/{code}/working-group?at=}.
 *
 * @param district district code
 * @param at       the day asked about (city zone; today by default)
 * @param members  the members in force that day, in seat order police-officer, constable, councillor
 * @param vacant   seats nobody holds that day (role keys)
 */
public record WorkingGroupView(String district, LocalDate at, List<WorkingGroupMember> members, List<String> vacant) {
}
