package dev.dsrdesk.reminder;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffNoticeRepository extends JpaRepository<StaffNotice, Long> {

    List<StaffNotice> findBySentAtIsNullOrderByUserIdAscIdAsc();
}
